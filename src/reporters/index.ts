// The reporters by name, as `--format` takes them.
import type { Reporter } from './file-result';
import { githubReporter } from './github';
import { gitlabReporter } from './gitlab';
import { jsonReporter } from './json';
import { junitReporter } from './junit';
import { sarifReporter } from './sarif';
import { textReporter } from './text';

export const reporters: Readonly<Record<string, Reporter>> = {
  text: textReporter,
  json: jsonReporter,
  junit: junitReporter,
  github: githubReporter,
  sarif: sarifReporter,
  gitlab: gitlabReporter,
};
