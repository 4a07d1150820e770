import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiConflict,
  ApiErrorResponses,
  ApiInvalidResponse,
  ApiRefusedCredentialsResponse,
  ApiThrottled,
} from '../common/openapi';
import { SignInStep } from '../common/throttle.guard';
import { PublicUser } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AuthUser, CurrentUser, Public, Roles } from './auth.decorators';
import { AuthService } from './auth.service';
import {
  AcceptInviteDto,
  ChangePasswordDto,
  LoginDto,
  SessionView,
  SetupDto,
  UserView,
} from './dto/auth.dto';

/** Sign-in routes: throttled per address (API and pages together) on top of the per-email lock-out. */
const THROTTLED =
  'More than SIGN_IN_ATTEMPTS_PER_MINUTE (30 by default) attempts a minute from one address';
const LOCKED = '5 failures for an email within 15 minutes lock it for 15 minutes';
const STRENGTH =
  'At least 12 characters and hard to guess (zxcvbn score 3 of 4): a weak password is a 400 naming the field, with the reason';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @SignInStep('setup')
  @Post('setup')
  @ApiOperation({
    summary: 'Create the first consultant and the practice (only while no user exists)',
    description: STRENGTH,
  })
  @ApiCreatedResponse({ type: SessionView })
  @ApiInvalidResponse()
  @ApiConflict('Already set up')
  @ApiThrottled(THROTTLED)
  setup(@Body() dto: SetupDto): Promise<SessionView> {
    return this.auth.setup(dto);
  }

  @Public()
  @SignInStep('login')
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in; 5 failures for an email within 15 minutes lock it for 15 minutes',
  })
  @ApiOkResponse({ type: SessionView })
  @ApiInvalidResponse()
  @ApiRefusedCredentialsResponse('Wrong email or password')
  @ApiThrottled(`${LOCKED}; ${THROTTLED.toLowerCase()}`)
  login(@Body() dto: LoginDto): Promise<SessionView> {
    return this.auth.login(dto);
  }

  @Public()
  @SignInStep('invite')
  @Post('accept-invite')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Set a password with a one-time invite token',
    description: STRENGTH,
  })
  @ApiOkResponse({ type: SessionView })
  @ApiInvalidResponse()
  @ApiRefusedCredentialsResponse('The invitation is invalid or has expired')
  @ApiThrottled(THROTTLED)
  acceptInvite(@Body() dto: AcceptInviteDto): Promise<SessionView> {
    return this.auth.acceptInvite(dto);
  }

  @SignInStep('password')
  @Post('password')
  @HttpCode(204)
  @Roles('consultant', 'client', 'accountant')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Change your password; every token issued before, this one included, stops working: sign in again',
    description: `${STRENGTH}. A wrong current password counts as a failed sign-in.`,
  })
  @ApiNoContentResponse({ description: 'Changed; sign in again with the new password' })
  @ApiRefusedCredentialsResponse('Wrong current password')
  @ApiThrottled(`${LOCKED}; ${THROTTLED.toLowerCase()}`)
  @ApiErrorResponses()
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(user, dto);
  }

  @Post('logout')
  @HttpCode(204)
  @Roles('consultant', 'client', 'accountant')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Sign out everywhere: every token and page session of the user issued so far stops working',
  })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiErrorResponses()
  logout(@CurrentUser() user: AuthUser): Promise<void> {
    return this.auth.signOut(user);
  }

  @Get('me')
  @Roles('consultant', 'client', 'accountant')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserView })
  @ApiErrorResponses()
  me(@CurrentUser() user: AuthUser): Promise<PublicUser> {
    return this.users.me(user);
  }
}
