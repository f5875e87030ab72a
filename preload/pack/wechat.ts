/** The connector pack's script for WeChat: registers preload/connectors/wechat.ts with the service preload. */
import { wechatConnector } from '../connectors/wechat';
import { registerPackConnector } from './register';

registerPackConnector(wechatConnector);
