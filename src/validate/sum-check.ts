// The one arithmetic check that R301, R302 and R401 share: a total equals the sum of its parts.
import type { RuleContext } from './rule';

/** Reports when `total` ≠ Σ `parts`; stays silent when any of them is missing or invalid. */
export function checkSum(
  context: RuleContext,
  messageId: string,
  totalPointer: string,
  partPointers: readonly string[],
): void {
  const total = context.number(totalPointer);
  const parts = partPointers.map((pointer) => context.number(pointer));
  if (total === undefined || parts.some((part) => part === undefined)) return;
  const sum = (parts as number[]).reduce((a, b) => a + b, 0);
  if (sum !== total) {
    context.report({ messageId, pointer: totalPointer, expected: sum, actual: total, related: [...partPointers] });
  }
}
