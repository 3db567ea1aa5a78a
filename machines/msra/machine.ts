import { sessionMachineFor } from '../session.machine.js';
import { msraProfile } from './profile.js';

/** The lifecycle machine with the MS-RA profile and default options: the one every session of the profile shares (pure: a bundle that does not use it drops it). */
export const msraSessionMachine = /* @__PURE__ */ sessionMachineFor(msraProfile);
