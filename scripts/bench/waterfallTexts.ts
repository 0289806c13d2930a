/**
 * What the waterfall reference bot (waterfallServer.ts) says, shared with the script its simulated users follow
 * (waterfallScript.ts) so that the bench can check every reply. English, like the Microsoft sample it stands
 * for: no person talks to this bot, only the bench does, so its sentences are not the assistant's locales.
 */
export const WATERFALL_TEXTS = {
  transport: 'How do you usually travel?',
  transportChoices: ['Car', 'Bus', 'Bicycle'],
  name: 'What is your name?',
  thanks: (name: string) => `Thank you, ${name}.`,
  askAge: 'Would you like to give your age?',
  age: 'How old are you?',
  ageRetry: 'An age is a number greater than 0 and less than 150.',
  ageIs: (age: number) => `Your age is ${age}.`,
  noAge: 'No age given.',
  picture: 'Send a profile picture, or any message to go on without one.',
  pictureRetry: 'A profile picture is a JPEG or PNG image.',
  noPicture: 'No picture received: going on without one.',
  summary: (transport: string, name: string, age: number) =>
    `You travel by ${transport} and your name is ${name}${age === -1 ? '' : `, aged ${age}`}.`,
  confirm: 'Is this right?',
  saved: 'Thanks: your profile is saved.',
  notKept: 'Thanks: your profile will not be kept.',
} as const;
