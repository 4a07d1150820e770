import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiDay, ApiInstant, ApiUuid } from '../../common/openapi';
import { ALERT_KINDS } from '../alert.entity';

/** What the alert's message states, as figures, to word it in the reader's language. */
export class AlertFiguresView {
  @ApiProperty({ example: 'ACME-2026', description: "the contract's reference" })
  reference!: string;
  @ApiPropertyOptional({ enum: ['included', 'prepaid'], description: 'usage alerts' })
  allowance?: string;
  @ApiPropertyOptional({ example: 80 }) percent?: number;
  @ApiPropertyOptional({ example: 600, description: 'the allowance in minutes' })
  minutes?: number;
  @ApiPropertyOptional({ example: 480, description: 'minutes used' }) used?: number;
  @ApiPropertyOptional({ example: '2026-11' }) month?: string;
  @ApiDay({ required: false, description: 'ending alerts: the last day in force' })
  endDate?: string;
  @ApiPropertyOptional({ example: 30, description: 'ending alerts: days left' }) days?: number;
}

/** A usage or contract-ending alert, as the viewer's side (consultant or client) sees it. */
export class AlertView {
  @ApiUuid() id!: string;
  @ApiUuid() contractId!: string;
  @ApiUuid() clientId!: string;
  @ApiProperty({ enum: ALERT_KINDS }) kind!: string;
  @ApiProperty({
    example: '2026-11',
    description: "a retainer's month, 'prepaid-<minutes>' of a block, an ending's end date",
  })
  period!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: AlertFiguresView, nullable: true }) figures!: AlertFiguresView | null;
  @ApiInstant() createdAt!: Date;
  @ApiInstant({ nullable: true, description: "when the viewer's side acknowledged it" })
  acknowledgedAt!: Date | null;
}
