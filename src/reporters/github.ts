// GitHub Actions workflow commands: one annotation per diagnostic, with sheet!cell in the message. Every text from an
// input is inert and escaped as the runner reads it, so an annotation is one line (no input can start a command).
import { setAside } from '../diagnostics/diagnostic';
import { inertWorkflowData, inertWorkflowProperty } from '../diagnostics/inert-text';
import type { Reporter } from './file-result';

export const githubReporter: Reporter = (results) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = inertWorkflowProperty(result.file);
    if (result.error)
      lines.push(
        `::error file=${file},title=${inertWorkflowProperty(result.error.messageId)}::${inertWorkflowData(result.error.message)}`,
      );
    for (const d of result.diagnostics) {
      // Set aside (explained by the filer, decided by a reviewer): a notice, which fails nothing and stays in sight.
      const command = setAside(d) ? 'notice' : d.severity === 'error' ? 'error' : 'warning';
      lines.push(`::${command} file=${file},title=${inertWorkflowProperty(d.ruleId)}::${inertWorkflowData(d.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
