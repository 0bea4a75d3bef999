/**
 * Spec problems as GitHub Actions workflow commands, so that a failed lint in CI shows each
 * problem as an annotation on the spec's line in the pull request's diff
 * (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
 */
import type { SpecProblem } from "./spec-check.js";

// A command's message ends at a newline, so newlines (and the escape character itself) are
// percent-encoded; property values also end at `,` and `:`.
const escapeData = (text: string): string =>
  text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (text: string): string =>
  escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** One `::error file=…,line=…,col=…,title=spec lint::message` line per problem. */
export function githubAnnotation(problem: SpecProblem): string {
  const properties = [
    `file=${escapeProperty(problem.file)}`,
    `line=${problem.line}`,
    `col=${problem.column}`,
    `title=${escapeProperty("spec lint")}`,
  ].join(",");
  return `::error ${properties}::${escapeData(problem.message)}`;
}
