/**
 * Bounds on what a message may hold, applied before and during parsing (common/ipc.ts), and by the shell's forms
 * so they refuse what main would. Apart from the schemas so the shell can read them without loading zod.
 */
export const LIMITS = {
  /** Serialized size of any one message, in UTF-16 code units. */
  messageChars: 2_000_000,
  /** Nesting depth of any one message. */
  depth: 8,
  chats: 5_000,
  idChars: 512,
  textChars: 4_000,
  urlChars: 4_096,
  serviceName: 64,
  /** A quick reply's name, its text, and how many the library holds. */
  replyName: 80,
  replyBody: 4_000,
  quickReplies: 1_000,
  /** A quick reply's trigger phrases (common/shop/faq.ts): one phrase's length, how many per reply, and how much of a message is read. */
  triggerChars: 60,
  triggersPerReply: 10,
  faqMessageChars: 1_000,
  labelName: 40,
  labels: 100,
  note: 10_000,
  shopName: 120,
  /** Products (common/shop/products.ts): how many, a name, and a product's link or photo address. */
  products: 500,
  productName: 80,
  productUrl: 2_048,
  /** Special opening hours (Ramadan, Eid, holidays): how many ranges, and a range's name. */
  specialHours: 50,
  specialHoursName: 80,
  /** Customer fields (common/shop/fields.ts): how many the shop defines, a field's name, a choice, a text value. */
  customerFields: 30,
  fieldName: 40,
  fieldChoices: 30,
  fieldChoice: 80,
  fieldText: 500,
  /** The text of a find in page. */
  findText: 500,
  /** Service messages per second per view (sustained), and the burst allowed above it. */
  serviceRate: 10,
  serviceBurst: 30,
  /** Shell messages per second (sustained), and burst: generous, the shell is trusted but not blindly. */
  shellRate: 200,
  shellBurst: 400,
} as const;
