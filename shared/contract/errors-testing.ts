/** For tests only: the AppFailure a service call rejects with, so a test can assert its code and path. */
import { AppFailure } from './errors';

/** Awaits `promise` and returns the AppFailure it rejects with; anything else (or success) fails the test. */
export async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected an AppFailure');
}
