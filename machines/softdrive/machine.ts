import { sessionMachineFor } from '../session.machine.js';
import { softdriveProfile } from './profile.js';

/** The lifecycle machine with the Softdrive profile and default options: the one every session of the profile shares (pure: a bundle that does not use it drops it). */
export const softdriveSessionMachine = /* @__PURE__ */ sessionMachineFor(softdriveProfile);
