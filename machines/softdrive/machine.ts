import { createSessionMachine } from '../session.machine.js';
import { softdriveProfile } from './profile.js';

/** The lifecycle machine with the Softdrive profile and default options. */
export const softdriveSessionMachine = createSessionMachine(softdriveProfile);
