import type { SupportRequest } from './request.entity';
import { slaStatus, type SlaStatus } from './sla';

/** A request as the API answers it: the stored facts plus its SLA status now. */
export type RequestView = Omit<SupportRequest, 'assignId'> & { sla: SlaStatus };

export function toRequestView(request: SupportRequest, now: Date): RequestView {
  const sla = slaStatus({
    status: request.status,
    responseDueAt: request.responseDueAt,
    respondedAt: request.respondedAt,
    closedAt: request.closedAt,
    now,
  });
  return { ...request, sla };
}
