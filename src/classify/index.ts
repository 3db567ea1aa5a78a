export { classify, lookup, lookupAll, defaultClassifier } from './classify.js';
export { createClassifier } from './create-classifier.js';
export type { Classifier, ClassifierCatalogs, TmgResultSpace } from './create-classifier.js';
export { SIGNAL_LIMITS } from './signal.js';
export type { ClassifySignal, ClassifyOptions, CloseSignal, StatusSignal, HttpSignal, ErrnoSignal } from './signal.js';
