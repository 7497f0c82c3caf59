/**
 * Delivers a result callback: `PUT <url>` (Judge0's) or `POST <url>` (the API's own) with a JSON body, connected to the address the guard
 * checked (`callback-guard.ts`; `Host` and TLS SNI still name the URL's host), never following a
 * redirect. Like Judge0: up to `tries` attempts, each with `timeoutMs`; any HTTP answer, whatever
 * its status, ends the attempts, only failures to get one (refused, reset, timed out) try again.
 */
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  CallbackRefused,
  resolveCallbackTarget,
  type CheckedTarget,
  type Resolver,
} from './callback-guard.js';

export interface CallbackPolicy {
  tries: number;
  timeoutMs: number;
  /** CALLBACK_ALLOWED_HOSTS. */
  allowedHosts: readonly string[];
  /** How names are resolved (default: the system resolver). */
  resolve?: Resolver;
}

export type CallbackOutcome =
  { delivered: true; status: number; tries: number } | { delivered: false; reason: string; tries: number };

export type CallbackMethod = 'PUT' | 'POST';

function send(
  target: CheckedTarget,
  method: CallbackMethod,
  body: string,
  timeoutMs: number,
): Promise<number> {
  const { url, address, family } = target;
  // Every connection goes to the checked address, whatever the name would resolve to now.
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) {
      (callback as unknown as (error: null, addresses: { address: string; family: number }[]) => void)(null, [
        { address, family },
      ]);
    } else callback(null, address, family);
  };
  const options: RequestOptions & { servername?: string } = {
    method,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port || undefined,
    path: `${url.pathname}${url.search}`,
    headers: {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
      'User-Agent': 'arbiter-callback',
    },
    lookup: pinned,
    timeout: timeoutMs,
    agent: false,
  };
  if (url.protocol === 'https:') options.servername = options.hostname ?? undefined;
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(options, (res) => {
      // The answer's status is all that matters; its body is read and dropped, a redirect not followed.
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(res.statusCode ?? 0));
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

export async function deliverCallback(
  rawUrl: string,
  body: string,
  policy: CallbackPolicy,
  method: CallbackMethod = 'PUT',
): Promise<CallbackOutcome> {
  let target: CheckedTarget;
  try {
    target = await resolveCallbackTarget(rawUrl, policy.allowedHosts, policy.resolve);
  } catch (error) {
    const reason = error instanceof CallbackRefused ? `refused: ${error.message}` : String(error);
    return { delivered: false, reason, tries: 0 };
  }
  let reason = 'no attempt';
  for (let attempt = 1; attempt <= policy.tries; attempt += 1) {
    try {
      const status = await send(target, method, body, policy.timeoutMs);
      return { delivered: true, status, tries: attempt };
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
  }
  return { delivered: false, reason, tries: policy.tries };
}
