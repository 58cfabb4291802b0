// GitHub Actions workflow commands: one annotation per diagnostic, with sheet!cell in the message.
import type { Reporter } from './file-result';

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions — data and property escaping.
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const githubReporter: Reporter = (results) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = escapeProperty(result.file);
    if (result.error)
      lines.push(
        `::error file=${file},title=${escapeProperty(result.error.messageId)}::${escapeData(result.error.message)}`,
      );
    for (const d of result.diagnostics) {
      const command = d.severity === 'error' ? 'error' : 'warning';
      lines.push(`::${command} file=${file},title=${escapeProperty(d.ruleId)}::${escapeData(d.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
