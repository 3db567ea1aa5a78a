export { msraProfile } from './profile.js';
export { msraSessionMachine } from './machine.js';
