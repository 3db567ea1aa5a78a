import { sessionMachineFor } from '../session.machine.js';
import { guacamoleProfile } from './profile.js';

/** The lifecycle machine with the Guacamole profile and default options: the one every session of the profile shares (pure: a bundle that does not use it drops it). */
export const guacamoleSessionMachine = /* @__PURE__ */ sessionMachineFor(guacamoleProfile);
