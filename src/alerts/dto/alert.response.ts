import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiDay, ApiInstant, ApiUuid } from '../../common/openapi';
import { ALERT_KINDS } from '../alert.entity';

/** What the alert states, as figures: its words are `alert.<kind>` filled with them. */
export class AlertFiguresView {
  @ApiProperty({ example: 'ACME-2026', description: "the contract's reference" })
  reference!: string;
  @ApiPropertyOptional({ enum: ['included', 'prepaid'], description: 'usage alerts' })
  allowance?: string;
  @ApiPropertyOptional({ example: 80 }) percent?: number;
  @ApiPropertyOptional({ example: 600, description: 'the allowance in minutes' })
  minutes?: number;
  @ApiPropertyOptional({ example: 480, description: 'minutes used' }) usedMinutes?: number;
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
    enum: [...ALERT_KINDS, 'as_written'],
    description: 'the kind; as_written for an alert stored with its words and no figures',
  })
  code!: string;
  @ApiProperty({
    example: '2026-11',
    description: "a retainer's month, 'prepaid-<minutes>' of a block, an ending's end date",
  })
  period!: string;
  @ApiProperty({
    example: 'Contrat ACME-2026 : 80 % des 10 h incluses en novembre 2026 utilisés (8 h)',
    description: 'in the language of Accept-Language (French by default)',
  })
  message?: string;
  @ApiProperty({ type: AlertFiguresView, nullable: true }) figures!: AlertFiguresView | null;
  @ApiInstant() createdAt!: Date;
  @ApiInstant({ nullable: true, description: "when the viewer's side acknowledged it" })
  acknowledgedAt!: Date | null;
}
