import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { RawBodyRequest } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Public, Roles } from '../../common/auth/decorators';
import { contentRange } from '../../common/http/list-query';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { Camt054Dto, CreateBatchDto, OnboardingDto, StartRunDto } from './billing.dto';
import { BillingRunsService } from './billing-runs.service';
import { InvoicesService } from './invoices.service';
import { PaymentsService } from './payments.service';
import { ReconciliationService } from './reconciliation.service';
import { StripeWebhooksService } from './stripe/stripe-webhooks.service';

const BACK_OFFICE = ['platform_admin', 'municipality_officer'] as const;

@ApiTags('billing')
@ApiBearerAuth()
@Controller('billing-runs')
export class BillingRunsController {
  constructor(private readonly runs: BillingRunsService) {}

  @Get()
  @Roles(...BACK_OFFICE)
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.runs.list(actor, query);
    void res.header('Content-Range', contentRange('billing-runs', q, { rows, total }));
    return rows;
  }

  @Get(':id')
  @Roles(...BACK_OFFICE)
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.runs.get(actor, id);
  }

  @Post()
  @Roles(...BACK_OFFICE)
  start(@CurrentActor() actor: Actor, @Body() dto: StartRunDto) {
    return this.runs.start(actor, dto);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles(...BACK_OFFICE)
  resume(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.runs.resume(actor, id);
  }
}

@ApiTags('billing')
@ApiBearerAuth()
@Controller('invoices')
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Get()
  @Roles('platform_admin', 'municipality_officer', 'ministry_analyst', 'provider_admin')
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.invoices.list(actor, query);
    void res.header('Content-Range', contentRange('invoices', q, { rows, total }));
    return rows;
  }

  @Get(':id')
  @Roles('platform_admin', 'municipality_officer', 'ministry_analyst', 'provider_admin')
  get(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.invoices.get(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(...BACK_OFFICE)
  approve(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.invoices.approve(actor, id);
  }

  @Get(':id/pdf')
  @Roles('platform_admin', 'municipality_officer', 'provider_admin')
  async pdf(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query('locale') locale: string | undefined, @Res() res: FastifyReply) {
    const { filename, body } = await this.invoices.pdf(actor, id, locale === 'en' ? 'en' : 'lv');
    void res.header('Content-Type', 'application/pdf').header('Content-Disposition', `attachment; filename="${filename}"`).send(body);
  }

  @Get(':id/ubl')
  @Roles('platform_admin', 'municipality_officer', 'provider_admin')
  async ubl(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Res() res: FastifyReply) {
    const { filename, body } = await this.invoices.ubl(actor, id);
    void res.header('Content-Type', 'application/xml; charset=utf-8').header('Content-Disposition', `attachment; filename="${filename}"`).send(body);
  }
}

@ApiTags('billing')
@ApiBearerAuth()
@Controller()
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly reconciliation: ReconciliationService,
  ) {}

  @Get('payment-batches')
  @Roles('platform_admin', 'municipality_officer', 'ministry_analyst')
  async listBatches(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.payments.listBatches(actor, query);
    void res.header('Content-Range', contentRange('payment-batches', q, { rows, total }));
    return rows;
  }

  @Get('payment-batches/:id')
  @Roles('platform_admin', 'municipality_officer', 'ministry_analyst')
  getBatch(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.payments.getBatch(actor, id);
  }

  @Post('payment-batches')
  @Roles(...BACK_OFFICE)
  createBatch(@CurrentActor() actor: Actor, @Body() dto: CreateBatchDto) {
    return this.payments.createBatch(actor, dto);
  }

  @Post('payment-batches/:id/approve')
  @HttpCode(200)
  @Roles(...BACK_OFFICE)
  approveBatch(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.payments.approveBatch(actor, id);
  }

  @Get('payment-batches/:id/sepa.xml')
  @Roles(...BACK_OFFICE)
  async sepa(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Res() res: FastifyReply) {
    const { filename, body } = await this.payments.sepaFile(actor, id);
    void res.header('Content-Type', 'application/xml; charset=utf-8').header('Content-Disposition', `attachment; filename="${filename}"`).send(body);
  }

  @Post('payment-batches/:id/executed')
  @HttpCode(200)
  @Roles(...BACK_OFFICE)
  executed(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string) {
    return this.payments.markExecuted(actor, id);
  }

  @Post('payment-batches/:id/camt054')
  @HttpCode(200)
  @Roles(...BACK_OFFICE)
  camt054(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Body() dto: Camt054Dto) {
    return this.payments.importCamt054(actor, id, dto.xml);
  }

  @Get('payments')
  @Roles('platform_admin', 'municipality_officer', 'ministry_analyst', 'provider_admin')
  async listPayments(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) res: FastifyReply) {
    const { rows, total, q } = await this.payments.listPayments(actor, query);
    void res.header('Content-Range', contentRange('payments', q, { rows, total }));
    return rows;
  }

  @Get('stripe/account')
  @Roles('provider_admin')
  stripeStatus(@CurrentActor() actor: Actor) {
    return this.payments.stripeStatus(actor);
  }

  @Post('stripe/onboarding')
  @HttpCode(200)
  @Roles('provider_admin')
  onboarding(@CurrentActor() actor: Actor, @Body() dto: OnboardingDto) {
    return this.payments.stripeOnboarding(actor, dto.returnUrl);
  }

  @Get('reconciliation')
  @Roles('platform_admin', 'municipality_officer', 'ministry_analyst')
  reconcile(@CurrentActor() actor: Actor, @Query('from') from: unknown, @Query('to') to: unknown) {
    return this.reconciliation.report(actor, from, to);
  }
}

/** Stripe calls this without a login; the signature over the raw body is what authenticates it. */
@ApiTags('billing')
@Controller('stripe')
export class StripeWebhookController {
  constructor(private readonly webhooks: StripeWebhooksService) {}

  @Post('webhook')
  @Public()
  @HttpCode(200)
  receive(@Req() req: RawBodyRequest<FastifyRequest>, @Headers('stripe-signature') signature: string | undefined) {
    return this.webhooks.handle(req.rawBody, signature);
  }
}
