/** POST/GET/DELETE /command (spec/arr/NOTES.md §9). */
import { apiError, bindingProblem, notEmpty, serverError, validationError } from '../http/errors';
import type { Router } from '../http/router';
import { iso, timeSpan } from '../render/common';
import type { SimState } from '../state';
import { CommandParamError, findCommand, readParams } from '../commands/queue';
import type { CommandRec } from '../commands/record';
import { bodyObject, field, found, ok } from './util';

export function renderCommand(sim: SimState, c: CommandRec) {
  const body = {
    ...c.params,
    sendUpdatesToClient: true,
    updateScheduledTask: true,
    completionMessage: 'Completed',
    requiresDiskAccess: c.def.requiresDiskAccess ?? false,
    isExclusive: false,
    isTypeExclusive: false,
    isLongRunning: c.def.isLongRunning ?? false,
    name: c.def.name,
    lastExecutionTime: c.ended !== undefined ? iso(c.ended) : undefined,
    lastStartTime: c.started !== undefined ? iso(c.started) : undefined,
    trigger: 'manual',
    suppressMessages: false,
    clientUserAgent: c.clientUserAgent,
  };
  return {
    name: c.def.name,
    commandName: c.def.name.replace(/([a-z])([A-Z])/g, '$1 $2'),
    message: c.message,
    body,
    priority: 'normal',
    status: c.status,
    result: c.result,
    queued: iso(c.queued),
    started: iso(c.started),
    ended: iso(c.ended),
    duration: c.started !== undefined && c.ended !== undefined ? timeSpan(c.ended - c.started) : undefined,
    exception: c.exception,
    trigger: 'manual',
    clientUserAgent: c.clientUserAgent,
    stateChangeTime: iso(c.stateChangeTime),
    sendUpdatesToClient: true,
    updateScheduledTask: true,
    lastExecutionTime: iso(c.ended),
    id: c.id,
  };
}

export function commandRoutes(r: Router): void {
  r.add('POST', '/api/v3/command', (c) => {
    const body = bodyObject(c.body);
    const name = field(body, 'name');
    if (typeof name !== 'string' || name.trim() === '') throw validationError([notEmpty('Name', name ?? null)]);
    const def = findCommand(c.sim.app, name);
    if (!def) throw serverError('Sequence contains no matching element', 'System.InvalidOperationException');
    let params: Record<string, unknown>;
    try {
      params = readParams(def, body);
    } catch (e) {
      if (e instanceof CommandParamError) throw bindingProblem({ [`$.${e.param}`]: [e.message] });
      throw e;
    }
    const ua = c.req.headers['user-agent'];
    return ok(renderCommand(c.sim, c.sim.commands.push(def, params, ua)), 201);
  });
  r.add('GET', '/api/v3/command', (c) => ok([...c.sim.commands.commands.values()].map((x) => renderCommand(c.sim, x))));
  r.add('GET', '/api/v3/command/{id}', (c) => {
    const cmd = found(c.sim.commands.commands.get(c.params.id));
    c.sim.commands.advance(cmd);
    return ok(renderCommand(c.sim, cmd));
  });
  r.add('DELETE', '/api/v3/command/{id}', (c) => {
    const cmd = c.sim.commands.commands.get(c.params.id);
    if (!cmd) throw apiError(404, `Command with ID ${c.params.id} does not exist`);
    if (!c.sim.commands.cancel(cmd)) throw apiError(409, 'Unable to cancel task');
    return { status: 200 };
  });
}
