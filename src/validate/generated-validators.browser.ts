// The generated validators in the browser: bundled with the core, from the same file Node loads at run time.
import type * as NodeValidators from './generated-validators.node';

export const generatedValidators = (): unknown => require('../../schemas/validators.cjs');

// Interchangeable with the Node file: a difference in what they export fails to compile here.
({ generatedValidators }) satisfies typeof NodeValidators;
