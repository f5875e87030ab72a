/**
 * main/ipc/router.ts with every handler main registers watched: the real router (a subclass calling it for
 * everything), whose handlers note their channel in `handlerCalls` before they run. A test file that must know
 * whether a message reached a handler mocks the router module with it:
 *   vi.mock('../../../main/ipc/router', async (importOriginal) => (await import('./spied-router')).spiedRouter(await importOriginal()));
 */
import type { z } from 'zod';
import type * as Router from '../../../main/ipc/router';

/** The channel of every handler call, in order, since the test file started. */
export const handlerCalls: string[] = [];

export function spiedRouter(actual: typeof Router): typeof Router {
  class SpiedRouter extends actual.IpcRouter {
    override shell<S extends z.ZodType>(channel: string, schema: S, handler: (value: z.infer<S>) => unknown): void {
      super.shell(channel, schema, (value) => {
        handlerCalls.push(channel);
        return handler(value);
      });
    }

    override service<S extends z.ZodType>(channel: string, schema: S, handler: (serviceId: string, value: z.infer<S>) => unknown): void {
      super.service(channel, schema, (serviceId, value) => {
        handlerCalls.push(channel);
        return handler(serviceId, value);
      });
    }

    override worker<S extends z.ZodType>(channel: string, schema: S, handler: (serviceId: string, value: z.infer<S>) => unknown): void {
      super.worker(channel, schema, (serviceId, value) => {
        handlerCalls.push(channel);
        return handler(serviceId, value);
      });
    }
  }
  return { ...actual, IpcRouter: SpiedRouter };
}
