import { ChangeDetectionStrategy, Component, ElementRef, input, output, signal, viewChild } from '@angular/core';
import { formatBytes } from './file-validation';
import { ACCEPT_ATTRIBUTE } from './file-validation';

/** A drop target with a real file input inside (keyboard and screen-reader friendly). */
@Component({
  selector: 'app-drop-zone',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="zone"
      [class.over]="dragOver()"
      [class.has-file]="!!file()"
      [class.disabled]="disabled()"
      [attr.data-testid]="zoneTestId()"
      (dragenter)="onDrag($event, true)"
      (dragover)="onDrag($event, true)"
      (dragleave)="onDrag($event, false)"
      (drop)="onDrop($event)"
    >
      <input
        #input
        type="file"
        class="visually-hidden"
        [id]="inputId()"
        [accept]="accept"
        [disabled]="disabled()"
        [attr.data-testid]="inputTestId()"
        [attr.aria-describedby]="inputId() + '-hint'"
        (change)="onPicked($event)"
      />
      @if (file(); as f) {
        <p class="file"><span class="name">{{ f.name }}</span> <span class="size">{{ size(f.size) }}</span></p>
        <p class="actions">
          <label class="button" [for]="inputId()">Choose another</label>
          @if (optional()) {
            <button type="button" class="button ghost" (click)="clear()" [disabled]="disabled()">Remove</button>
          }
        </p>
      } @else {
        <p class="title">{{ label() }}</p>
        <p class="hint" [id]="inputId() + '-hint'">{{ hint() }}</p>
        <label class="button" [class.primary]="!optional()" [for]="inputId()">Choose file</label>
      }
    </div>
  `,
  styleUrl: './drop-zone.scss',
})
export class DropZone {
  readonly label = input.required<string>();
  readonly hint = input('');
  readonly inputId = input.required<string>();
  readonly inputTestId = input<string | null>(null);
  readonly zoneTestId = input<string | null>(null);
  readonly file = input<File | null>(null);
  readonly optional = input(false);
  readonly disabled = input(false);
  readonly fileChange = output<File | null>();

  protected readonly accept = ACCEPT_ATTRIBUTE;
  protected readonly dragOver = signal(false);
  private readonly inputEl = viewChild.required<ElementRef<HTMLInputElement>>('input');

  protected size(bytes: number): string {
    return formatBytes(bytes);
  }

  protected onDrag(event: DragEvent, over: boolean): void {
    event.preventDefault();
    if (!this.disabled()) this.dragOver.set(over);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragOver.set(false);
    if (this.disabled()) return;
    const file = event.dataTransfer?.files?.[0];
    if (file) this.fileChange.emit(file);
  }

  protected onPicked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    if (file) this.fileChange.emit(file);
    // Let the same file be picked again after an error.
    input.value = '';
  }

  clear(): void {
    this.inputEl().nativeElement.value = '';
    this.fileChange.emit(null);
  }
}
