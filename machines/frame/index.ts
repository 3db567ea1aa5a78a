export { frameProfile, createFrameProfile } from './profile.js';
export type { FrameProfileOptions } from './profile.js';
export { frameSessionMachine } from './machine.js';
