/**
 * The bench's second reference: Microsoft's multi-turn-prompt sample (BotBuilder-Samples, 05.multi-turn-prompt)
 * rewritten here, on the same adapter (createAdapter: CloudAdapter, locale middleware), server (createServer: body
 * checks, rate limits, logs, /healthz) and start-up as echoServer.ts (referenceServer.ts), so that only the bot
 * differs. A UserProfileDialog on ConversationState and UserState over botbuilder's MemoryStorage, one
 * WaterfallDialog of seven steps and six prompts (transport ChoicePrompt, name TextPrompt, "give your age?"
 * ConfirmPrompt, age NumberPrompt with a validator, picture AttachmentPrompt that any text skips, ConfirmPrompt on
 * the summary), and both states saved at the end of every turn with `saveChanges`, as the sample's DialogBot does.
 * It is what a stock botbuilder-dialogs bot costs per turn on this machine, without durable state or our French
 * parsing.
 *
 *   node dist/scripts/bench/waterfallServer.js   (PORT, HOST, LOG_LEVEL as for the bot)
 */
import {
  ActivityHandler,
  ConversationState,
  MemoryStorage,
  UserState,
  type Attachment,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import {
  AttachmentPrompt,
  ChoiceFactory,
  ChoicePrompt,
  ComponentDialog,
  ConfirmPrompt,
  DialogSet,
  DialogTurnStatus,
  NumberPrompt,
  TextPrompt,
  WaterfallDialog,
  type DialogState,
  type FoundChoice,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { serveReference } from './referenceServer.js';
import { WATERFALL_TEXTS as TEXTS } from './waterfallTexts.js';

const PROMPT = {
  transport: 'transportPrompt',
  name: 'namePrompt',
  confirm: 'confirmPrompt',
  age: 'agePrompt',
  picture: 'picturePrompt',
} as const;
const WATERFALL = 'profileWaterfall';

interface UserProfile {
  transport?: string;
  name?: string;
  age?: number;
  picture?: Attachment;
}

/** The answers of the current pass through the waterfall, kept in the dialog's own state between turns. */
interface StepValues {
  transport: string;
  name: string;
  age: number;
}

const values = (step: WaterfallStepContext): StepValues => step.values as StepValues;

class UserProfileDialog extends ComponentDialog {
  private readonly profile: StatePropertyAccessor<UserProfile>;

  constructor(userState: UserState) {
    super('userProfileDialog');
    this.profile = userState.createProperty<UserProfile>('userProfile');
    this.addDialog(new ChoicePrompt(PROMPT.transport));
    this.addDialog(new TextPrompt(PROMPT.name));
    this.addDialog(new ConfirmPrompt(PROMPT.confirm));
    this.addDialog(new NumberPrompt(PROMPT.age, ageIsPlausible));
    this.addDialog(new AttachmentPrompt(PROMPT.picture, imagesOnly));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        (step) => step.prompt(PROMPT.transport, { prompt: TEXTS.transport, choices: transportChoices }),
        async (step) => {
          values(step).transport = (step.result as FoundChoice).value;
          return step.prompt(PROMPT.name, TEXTS.name);
        },
        async (step) => {
          values(step).name = step.result as string;
          await step.context.sendActivity(TEXTS.thanks(values(step).name));
          return step.prompt(PROMPT.confirm, TEXTS.askAge);
        },
        async (step) =>
          step.result === true
            ? step.prompt(PROMPT.age, { prompt: TEXTS.age, retryPrompt: TEXTS.ageRetry })
            : step.next(-1),
        async (step) => {
          values(step).age = step.result as number;
          await step.context.sendActivity(
            values(step).age === -1 ? TEXTS.noAge : TEXTS.ageIs(values(step).age),
          );
          return step.prompt(PROMPT.picture, { prompt: TEXTS.picture, retryPrompt: TEXTS.pictureRetry });
        },
        async (step) => {
          const { transport, name, age } = values(step);
          const profile = await this.profile.get(step.context, {});
          Object.assign(profile, {
            transport,
            name,
            age,
            picture: (step.result as Attachment[] | undefined)?.[0],
          });
          await step.context.sendActivity(TEXTS.summary(transport, name, age));
          return step.prompt(PROMPT.confirm, TEXTS.confirm);
        },
        async (step) => {
          await step.context.sendActivity(step.result === true ? TEXTS.saved : TEXTS.notKept);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  /** Continues the dialog in progress, or starts it over when the last pass ended. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogs = new DialogSet(dialogState);
    dialogs.add(this);
    const dialogContext = await dialogs.createContext(context);
    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dialogContext.beginDialog(this.id);
  }
}

const transportChoices = ChoiceFactory.toChoices([...TEXTS.transportChoices]);

async function ageIsPlausible(prompt: PromptValidatorContext<number>): Promise<boolean> {
  return prompt.recognized.succeeded && prompt.recognized.value! > 0 && prompt.recognized.value! < 150;
}

/** Keeps JPEG and PNG attachments; a message without any is accepted as "no picture", as in the sample. */
async function imagesOnly(prompt: PromptValidatorContext<Attachment[]>): Promise<boolean> {
  if (!prompt.recognized.succeeded) {
    await prompt.context.sendActivity(TEXTS.noPicture);
    return true;
  }
  const images = prompt.recognized.value!.filter((attachment) =>
    ['image/jpeg', 'image/png'].includes(attachment.contentType),
  );
  prompt.recognized.value = images;
  return images.length > 0;
}

/** The sample's DialogBot: runs the dialog on messages, saves both states after every activity. */
class ProfileBot extends ActivityHandler {
  constructor(conversationState: ConversationState, userState: UserState, dialog: UserProfileDialog) {
    super();
    // The adapter's error handler clears the stack under this same name ('dialogState').
    const dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.onMessage(async (context, next) => {
      await dialog.run(context, dialogState);
      await next();
    });
    this.onDialog(async (context, next) => {
      await conversationState.saveChanges(context, false);
      await userState.saveChanges(context, false);
      await next();
    });
  }
}

const startedAt = Date.now();
const storage = new MemoryStorage();
const conversationState = new ConversationState(storage);
const userState = new UserState(storage);
const bot = new ProfileBot(conversationState, userState, new UserProfileDialog(userState));
serveReference('waterfall reference bot', conversationState, (context) => bot.run(context), startedAt);
