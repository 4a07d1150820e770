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
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
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
