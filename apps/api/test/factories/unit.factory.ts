import type { EntityManager } from 'typeorm';
import { Transaction, type TransactionRunner } from '../../src/core/database/transaction.runner';

/**
 * A stand-in for the unit of work in service tests: `run` runs the work at once with one Transaction, whose manager
 * nothing may touch (the repositories are mocks); `tx` is that transaction, to check it is passed along.
 */
export function fakeTransactions(): { transactions: TransactionRunner; tx: Transaction } {
  const tx = new Transaction({} as EntityManager, true);
  const transactions = { run: <T>(work: (t: Transaction) => Promise<T>) => work(tx) } as unknown as TransactionRunner;
  return { transactions, tx };
}

/** A mock of a class: every method a jest.fn, with the given implementations. */
export function mockOf<T extends object>(impl: { [K in keyof T]?: T[K] extends (...args: infer A) => infer R ? (...args: A) => R : never } = {}): jest.Mocked<T> {
  return new Proxy(impl as object, {
    get(target, prop) {
      if (prop === 'then' || typeof prop === 'symbol') return undefined; // not a promise, not iterable
      const t = target as Record<string | symbol, unknown>;
      if (!(prop in t)) t[prop] = jest.fn();
      else if (typeof t[prop] === 'function' && !jest.isMockFunction(t[prop])) t[prop] = jest.fn(t[prop] as (...args: unknown[]) => unknown);
      return t[prop];
    },
  }) as jest.Mocked<T>;
}
