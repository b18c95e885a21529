import { Injectable } from '@nestjs/common';

/** In-process news of content edits, so caches of what a content renders to (the landing cache) drop it. */
@Injectable()
export class ContentEvents {
  private readonly listeners: Array<(contentId: string) => void> = [];

  onChanged(listener: (contentId: string) => void): void {
    this.listeners.push(listener);
  }

  changed(contentId: string): void {
    for (const listener of this.listeners) listener(contentId);
  }
}
