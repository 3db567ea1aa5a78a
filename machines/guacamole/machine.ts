import { createSessionMachine } from '../session.machine.js';
import { guacamoleProfile } from './profile.js';

/** The lifecycle machine with the Guacamole profile and default options. */
export const guacamoleSessionMachine = createSessionMachine(guacamoleProfile);
