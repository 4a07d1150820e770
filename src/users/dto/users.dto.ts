import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { ROLES } from '../../common/domain';
import type { Role } from '../../common/domain';
import { UserView } from '../../auth/dto/auth.dto';

export class CreateUserDto {
  @ApiProperty() @IsEmail() readonly email!: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) readonly role!: Role;
  @ApiPropertyOptional({ description: 'Required for a client user: the company it belongs to' })
  @ValidateIf((o: CreateUserDto) => o.role === 'client' || o.clientId !== undefined)
  @IsUUID('all', { message: 'clientId is required for a client user and must be a UUID' })
  readonly clientId?: string;
  @ApiProperty() @IsString() @Length(1, 200) readonly displayName!: string;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) readonly role!: Role;
  @ApiPropertyOptional({
    description:
      'Required for the client role: the company the user belongs to; cleared for any other role',
  })
  @ValidateIf((o: ChangeRoleDto) => o.clientId !== undefined && o.clientId !== null)
  @IsUUID('all')
  readonly clientId?: string | null;
}

export class InvitedUserView {
  @ApiProperty({ type: UserView }) user!: UserView;
  @ApiProperty({ description: 'One-time token to give to the user; it expires' })
  inviteToken!: string;
  @ApiProperty() inviteExpiresAt!: string;
}
