import { BadRequestException, Injectable } from '@nestjs/common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@takehome/contracts';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

// zxcvbn's scale: 0-1 fall to an online guessing attack in hours; 3 ("safely unguessable") is what NIST-style
// advice and most products ask for.
const MINIMUM_SCORE = 3;

/**
 * The server half of the password rule (the contracts hold the lengths the web shows). zxcvbn-ts scores a
 * password against lists of common and breached passwords, English words and names, keyboard patterns, and the
 * person's own name, email and organization, so "Password123!" or "jane.doe2026" are refused however long.
 */
@Injectable()
export class PasswordPolicy {
  private readonly zxcvbn = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });

  /** Throws a 400 naming `field` with the reason; personal words are the person's own name, email, organization. */
  assertAcceptable(password: string, personal: string[], field = 'password'): void {
    const problem = this.problem(password, personal);
    if (!problem) return;
    throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `${field}: ${problem}`, issues: [{ path: field, message: problem }] });
  }

  problem(password: string, personal: string[]): string | null {
    if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
    if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
    // Whole, in words and run together: "Jane Doe" also stands for "jane", "doe" and "janedoe".
    const inputs = personal
      .flatMap((p) => [p, ...p.toLowerCase().split(/[^a-z0-9]+/), p.toLowerCase().replace(/[^a-z0-9]+/g, '')])
      .filter((p) => p.length >= 3);
    const result = this.zxcvbn.check(password, inputs);
    if (result.score >= MINIMUM_SCORE) return null;
    const why = result.feedback.warning ? ` (${result.feedback.warning.replace(/\.$/, '')})` : '';
    return `is too easy to guess${why}: it is a common or breached password, or built from your name or email. Try a few unrelated words together.`;
  }
}
