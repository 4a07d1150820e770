/**
 * The forms of a request's pages, as a browser posts them (every field a string): the console's
 * desk (reply, status, reclassification, timer) and the portal's (comment, cancel).
 */
import { Text } from './console-forms';

/** A reply on the desk, or a comment on the portal: the API's CommentDto checks it. */
export class CommentForm {
  @Text(20_000) readonly body?: string;
}

/** The status a desk's button moves the request to. */
export class StatusForm {
  @Text(20) readonly status?: string;
}

/** A new urgency and why: a downgrade is a false urgency, its quota unit given back. */
export class ReclassifyForm {
  @Text(20) readonly urgency?: string;
  @Text(2000) readonly reclassificationReason?: string;
}

/** The timer started on the request: its contract and urgency go without saying. */
export class DeskTimerForm {
  @Text(40) readonly activityId?: string;
  @Text(20) readonly location?: string;
  @Text(5000) readonly description?: string;
  @Text(5) readonly billable?: string;
}

/** The page after a form was done says what was done (`?done=replied`). */
export class DeskDoneQuery {
  @Text(20) readonly done?: string;
}
