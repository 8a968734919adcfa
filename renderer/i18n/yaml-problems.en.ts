/**
 * English words of every front-matter problem (broken YAML, wrong types, refused blocks), as message keys
 * `fmProblem.<id>`: the very table the command line and the post list speak, so both say the same thing.
 */
import { PROBLEM_WORDS_EN, type ProblemWordsId } from '../../shared/front-matter/problem-words';

/** One message key per problem id. */
export type ProblemMessages = { readonly [K in ProblemWordsId as `fmProblem.${K}`]: string };

/** The English texts, spread into the front-matter catalogue. */
export const yamlProblemsEn = Object.fromEntries(Object.entries(PROBLEM_WORDS_EN).map(([id, text]) => [`fmProblem.${id}`, text])) as ProblemMessages;
