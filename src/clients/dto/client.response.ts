import { ApiProperty } from '@nestjs/swagger';
import { ApiInstant, ApiUuid } from '../../common/openapi';
import { AddressView } from '../../practice/dto/practice.response';

/** A client company as the API answers it. */
export class ClientView {
  @ApiUuid() id!: string;
  @ApiProperty({ example: 'Boulangerie Dupont SARL' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: '443061841' }) siren!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'FR40443061841' })
  vatNumber!: string | null;
  @ApiProperty({ type: AddressView }) address!: AddressView;
  @ApiProperty({ example: 'compta@client.example' }) billingEmail!: string;
  @ApiProperty({
    example: 'BOULANGE3F2A',
    description: 'its sub-account in the accounts, after the receivable account (411…)',
  })
  accountCode!: string;
  @ApiProperty({
    type: String,
    enum: ['fr', 'en'],
    nullable: true,
    description: "language of its invoices; null: the practice's",
  })
  locale!: 'fr' | 'en' | null;
  @ApiInstant() createdAt!: Date;
  @ApiInstant({
    nullable: true,
    description: 'set instead of deleting once contracts, users or invoices refer to it',
  })
  archivedAt!: Date | null;
}
