import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import { ClientsService } from '../clients/clients.service';
import { Clock } from '../common/clock';
import { SAFE_METHODS } from '../common/request-path';
import { InterventionsService } from '../interventions/interventions.service';
import type { PageRequest } from './web-pages';
import { isPageRequest } from './web-setup';

/** What the header of a consultant's page shows of the timer. */
export interface HeaderTimer {
  running: { startedAt: string; clientName: string; description: string } | null;
  /** The server's instant: the page's script counts from it, not from the device's clock. */
  now: string;
  elapsedMinutes: number;
  /** Where the header's Stop button brings people back to: the page they stopped it from. */
  back: string;
}

/**
 * Reads the consultant's running timer for the header of every page, before the page's own
 * work. Read only: a timer past 12 hours is stopped by the desk or by Stop, not by a glance.
 */
@Injectable()
export class HeaderTimerInterceptor implements NestInterceptor {
  constructor(
    private readonly interventions: InterventionsService,
    private readonly clients: ClientsService,
    private readonly clock: Clock,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<PageRequest>();
      if (request.user?.role === 'consultant' && isPageRequest(request)) {
        request.headerTimer = await this.read(request);
      }
    }
    return next.handle();
  }

  private async read(request: PageRequest): Promise<HeaderTimer> {
    const user = request.user!;
    const now = this.clock.now();
    // A page answering a form (a refusal) is not one to come back to.
    const back = SAFE_METHODS.has(request.method) ? request.url : '/console';
    const running = await this.interventions.findRunning(user.id);
    if (!running) return { running: null, now: now.toISOString(), elapsedMinutes: 0, back };
    const client = await this.clients.get(user, running.clientId);
    const startedAt = new Date(running.startedAt);
    return {
      running: {
        startedAt: startedAt.toISOString(),
        clientName: client.name,
        description: running.description,
      },
      now: now.toISOString(),
      elapsedMinutes: Math.max(0, Math.floor((now.getTime() - startedAt.getTime()) / 60_000)),
      back,
    };
  }
}

/** The header once the timer is stopped by the request being answered. */
export function stoppedTimer(timer: HeaderTimer | undefined): HeaderTimer | undefined {
  return timer ? { ...timer, running: null, elapsedMinutes: 0 } : undefined;
}
