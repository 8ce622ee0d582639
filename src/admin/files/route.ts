import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { signedIn, type SignedIn } from '../current-actor.js';
import { sendRefusal } from '../refusals.js';

type Handler = (req: Request, res: Response, next: NextFunction) => Promise<void>;

/**
 * A route of the files beside the admin: what it throws goes on to the app's error responder (express 4
 * does not catch a rejected handler); with `answerRefusals`, a service's refusal is first answered with its
 * own status and message, for the form that sent it.
 */
export function route(handle: Handler, { answerRefusals = false } = {}): RequestHandler {
  return async (req, res, next) => {
    try {
      await handle(req, res, next);
    } catch (e) {
      if (!(answerRefusals && sendRefusal(res, e))) next(e);
    }
  };
}

/** A route for the signed-in user only: nobody signed in is answered 401 before it runs. */
export function signedInRoute(
  handle: (actor: SignedIn, req: Request, res: Response, next: NextFunction) => Promise<void>,
  options?: { answerRefusals?: boolean },
): RequestHandler {
  return route(async (req, res, next) => {
    const actor = signedIn(req, res);
    if (actor) await handle(actor, req, res, next);
  }, options);
}
