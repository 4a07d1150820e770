import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiInvalidResponse, ApiThrottled } from '../common/openapi';
import { SignInStep } from '../common/throttle.guard';
import { Public } from './auth.decorators';
import { PasswordResetConfirmDto, PasswordResetRequestDto } from './dto/password-reset.dto';
import { PasswordReset } from './password-reset.service';

const THROTTLED =
  'More than SIGN_IN_ATTEMPTS_PER_MINUTE (30 by default) attempts a minute from one address';

/** A forgotten password: a link by mail, then a new password chosen with it. */
@ApiTags('auth')
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(private readonly reset: PasswordReset) {}

  @Public()
  @SignInStep('reset')
  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a password reset link by mail',
    description:
      'Answers 202 whatever the address: an active account with a password is sent a one-time link that expires after RESET_TTL_MINUTES (60 by default), at most one a minute',
  })
  @ApiAcceptedResponse({ description: 'If the address is known, a message is on its way' })
  @ApiInvalidResponse()
  @ApiThrottled(THROTTLED)
  request(@Body() dto: PasswordResetRequestDto): Promise<void> {
    return this.reset.request(dto);
  }

  @Public()
  @SignInStep('reset')
  @Post('confirm')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Choose a new password with the link’s token; every session of the account ends',
    description:
      'At least 12 characters and hard to guess (zxcvbn score 3 of 4). A used, unknown or expired token is a 400 invalid.reset_token with reason invalid or expired',
  })
  @ApiNoContentResponse({ description: 'Changed; sign in with the new password' })
  @ApiInvalidResponse('Malformed input, a weak password, or a used or expired token')
  @ApiThrottled(THROTTLED)
  confirm(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    return this.reset.confirm(dto);
  }
}
