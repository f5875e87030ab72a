/**
 * Carries out the shell's commands about people: link, unlink, rename, dismiss a suggestion — each undoable (the
 * last twenty steps). Main's store holds the result; the shell computes the inbox from it.
 */
import type { Command, CommandResult } from '../../../common/ipc';
import type { Person } from '../../../common/model';
import { suggestionKey, type AppState } from '../../../common/state';
import type { AppStore } from '../app/app-store';
import { linkChats, renamePerson, unlinkChat } from './people';

export type PeopleCommand = Extract<Command, { type: `people.${string}` | `suggestion.${string}` }>;

interface Step {
  people: Person[];
  dismissedSuggestions: string[];
  label: NonNullable<AppState['peopleUndo']>;
}

const UNDO_DEPTH = 20;

export class PeopleController {
  private readonly undo: Step[] = [];

  constructor(
    private readonly store: AppStore,
    private readonly newId: () => string,
  ) {}

  command(cmd: PeopleCommand): CommandResult {
    const { people, dismissedSuggestions } = this.store.getState();
    switch (cmd.type) {
      case 'people.link': {
        const next = linkChats(people, cmd.chats, this.newId, cmd.displayName);
        this.change('link', { people: next });
        const person = next.find((p) => p.chats.some((c) => cmd.chats.some((l) => l.serviceId === c.serviceId && l.chatId === c.chatId)));
        return person ? { ok: true, id: person.id } : { ok: true };
      }
      case 'people.unlink':
        this.change('unlink', { people: unlinkChat(people, cmd.chat, this.newId) });
        return { ok: true };
      case 'people.rename': {
        const next = renamePerson(people, cmd.personId, cmd.displayName);
        if (!next) return { ok: false, error: 'not-found' };
        this.change('rename', { people: next });
        return { ok: true };
      }
      case 'suggestion.dismiss': {
        const key = suggestionKey(cmd.a, cmd.b);
        if (dismissedSuggestions.includes(key)) return { ok: true };
        this.change('dismiss', { dismissedSuggestions: [...dismissedSuggestions, key] });
        return { ok: true };
      }
      case 'people.undo': {
        const step = this.undo.pop();
        if (!step) return { ok: false, error: 'nothing-to-undo' };
        this.store.setState({ people: step.people, dismissedSuggestions: step.dismissedSuggestions, peopleUndo: this.undo.at(-1)?.label ?? null });
        return { ok: true };
      }
    }
  }

  private change(label: Step['label'], next: Partial<Pick<AppState, 'people' | 'dismissedSuggestions'>>): void {
    const { people, dismissedSuggestions } = this.store.getState();
    this.undo.push({ people, dismissedSuggestions, label });
    if (this.undo.length > UNDO_DEPTH) this.undo.shift();
    this.store.setState({ ...next, peopleUndo: label });
  }
}
