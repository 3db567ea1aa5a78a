export { withTmgGateway } from './gateway.js';
