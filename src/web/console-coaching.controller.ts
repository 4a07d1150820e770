import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import {
  CoachingQuery,
  SynonymsForm,
  TopicActionForm,
  TrainingForm,
} from './console-coaching-forms';
import { ConsoleCoaching } from './console-coaching.service';
import { ConsolePages } from './console-pages';
import { WebErrorFilter } from './web-error.filter';
import type { PageRequest } from './web-pages';

/** Autonomy coaching: recurring topics, what to do about them, trainings, synonyms. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Roles('consultant')
@Controller('console/coaching')
export class ConsoleCoachingController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly coaching: ConsoleCoaching,
  ) {}

  @Get()
  async page(@Req() req: PageRequest, @Res() reply: FastifyReply, @Query() query: CoachingQuery) {
    const page = await this.coaching.page(req.user!, query);
    return this.pages.render(req, reply, 'console/coaching', page);
  }

  @Post('articles')
  async article(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Body() form: TopicActionForm,
  ) {
    const outcome = await this.coaching.draftArticle(req.user!, form);
    return this.pages.answer(req, reply, 'console/coaching', outcome);
  }

  @Post('synonyms')
  async synonyms(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Query() query: CoachingQuery,
    @Body() form: SynonymsForm,
  ) {
    const outcome = await this.coaching.saveSynonyms(req.user!, form, query);
    return this.pages.answer(req, reply, 'console/coaching', outcome);
  }

  @Get('trainings/new')
  async trainingForm(
    @Req() req: PageRequest,
    @Res() reply: FastifyReply,
    @Query() query: CoachingQuery,
  ) {
    const outcome = await this.coaching.trainingPage(req.user!, query);
    return this.pages.answer(req, reply, 'console/coaching-training', outcome);
  }

  @Post('trainings')
  async training(@Req() req: PageRequest, @Res() reply: FastifyReply, @Body() form: TrainingForm) {
    const outcome = await this.coaching.submitTraining(req.user!, form);
    return this.pages.answer(req, reply, 'console/coaching-training', outcome);
  }
}
