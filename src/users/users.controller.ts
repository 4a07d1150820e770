import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { UserView } from '../auth/dto/auth.dto';
import { Page, PageQuery } from '../common/pagination';
import { CreateUserDto, InvitedUserView } from './dto/users.dto';
import { PublicUser } from './user.entity';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('consultant')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({
    summary: 'Invite a user (client, accountant or consultant); returns a one-time token',
  })
  @ApiCreatedResponse({ type: InvitedUserView })
  invite(@Body() dto: CreateUserDto): Promise<InvitedUserView> {
    return this.users.invite(dto);
  }

  @Post(':id/invite')
  @ApiOperation({
    summary:
      'Invite again a user who has not set a password: a new one-time token, the previous one stops working',
  })
  @ApiCreatedResponse({ type: InvitedUserView })
  @ApiConflictResponse({ description: 'The user has already set a password, or is deactivated' })
  reinvite(@Param('id', ParseUUIDPipe) id: string): Promise<InvitedUserView> {
    return this.users.reinvite(id);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Activate a deactivated user again' })
  @ApiOkResponse({ type: UserView })
  activate(@Param('id', ParseUUIDPipe) id: string): Promise<PublicUser> {
    return this.users.activate(id);
  }

  @Get()
  @ApiOperation({ summary: 'List users' })
  list(@Query() query: PageQuery): Promise<Page<PublicUser>> {
    return this.users.list(query);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deactivate a user; their tokens stop working at once' })
  @ApiNoContentResponse()
  deactivate(
    @CurrentUser() viewer: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.users.deactivate(viewer, id);
  }
}
