import { createSessionMachine } from '../session.machine.js';
import { msraProfile } from './profile.js';

/** The lifecycle machine with the MS-RA profile and default options. */
export const msraSessionMachine = createSessionMachine(msraProfile);
