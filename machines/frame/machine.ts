import { createSessionMachine } from '../session.machine.js';
import { frameProfile } from './profile.js';

/** The lifecycle machine with the Frame (FRP 8) profile and default options. */
export const frameSessionMachine = createSessionMachine(frameProfile);
