export { softdriveProfile } from './profile.js';
export { softdriveSessionMachine } from './machine.js';
