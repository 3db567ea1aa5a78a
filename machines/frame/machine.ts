import { sessionMachineFor } from '../session.machine.js';
import { frameProfile } from './profile.js';

/** The lifecycle machine with the Frame (FRP 8) profile and default options: the one every session of the profile shares (pure: a bundle that does not use it drops it). */
export const frameSessionMachine = /* @__PURE__ */ sessionMachineFor(frameProfile);
