import { Injectable } from '@nestjs/common';

/**
 * The current instant, behind one injectable seam: deadlines, the current practice month and
 * alerts depend on "now", and tests fix it with `jest.spyOn(app.get(Clock), 'now')`.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
