import { ComponentFixture, TestBed } from '@angular/core/testing';
import { AbPlayer } from './ab-player';

describe('AbPlayer', () => {
  let fixture: ComponentFixture<AbPlayer>;

  beforeEach(() => {
    fixture = TestBed.createComponent(AbPlayer);
    fixture.componentRef.setInput('masterUrl', '/preview.mp3');
    fixture.componentRef.setInput('sourceUrl', '/source.wav');
    fixture.componentRef.setInput('masterLufs', -14);
    fixture.componentRef.setInput('sourceLufs', -20);
    fixture.detectChanges();
  });

  const q = <T extends Element>(id: string) => (fixture.nativeElement as HTMLElement).querySelector(`[data-testid="${id}"]`) as T;

  it('starts on the master and switches to the original at the same position, still playing', () => {
    const master = q<HTMLAudioElement>('preview-player');
    const original = q<HTMLAudioElement>('original-player');
    expect(master.hidden).toBe(false);
    expect(original.hidden).toBe(true);

    // jsdom has no media engine: stand in for the playing state of the element.
    Object.defineProperty(master, 'paused', { configurable: true, get: () => false });
    master.currentTime = 42.5;
    const pause = vi.spyOn(master, 'pause').mockImplementation(() => undefined);
    const play = vi.spyOn(original, 'play').mockImplementation(() => Promise.resolve());

    q<HTMLButtonElement>('ab-original').click();
    fixture.detectChanges();

    expect(pause).toHaveBeenCalled();
    expect(play).toHaveBeenCalled();
    expect(original.currentTime).toBe(42.5);
    expect(original.hidden).toBe(false);
    expect(master.hidden).toBe(true);
    expect(q('ab-original').getAttribute('aria-pressed')).toBe('true');
  });

  it('turns the louder master down by the loudness gap when loudness-matched', () => {
    const master = q<HTMLAudioElement>('preview-player');
    const original = q<HTMLAudioElement>('original-player');
    q<HTMLInputElement>('loudness-match').click();
    fixture.detectChanges();
    expect(master.volume).toBeCloseTo(10 ** (-6 / 20), 3);
    expect(original.volume).toBe(1);
  });

  it('draws the waveform and seeks both versions where it is clicked', () => {
    fixture.componentRef.setInput('waveform', [[-0.5, 0.5], [-1, 1], [-0.2, 0.3]]);
    fixture.componentRef.setInput('durationSeconds', 200);
    fixture.detectChanges();
    const wave = q<SVGSVGElement>('waveform');
    expect(wave.querySelector('path')!.getAttribute('d')).toMatch(/^M0\.0,26\.0L500\.0,2\.0L1000\.0,35\.6/);
    vi.spyOn(wave, 'getBoundingClientRect').mockReturnValue({ left: 100, width: 400, top: 0, height: 50 } as DOMRect);
    wave.dispatchEvent(new MouseEvent('click', { clientX: 200 }));
    fixture.detectChanges();
    expect(q<HTMLAudioElement>('preview-player').currentTime).toBe(50);
    expect(q<HTMLAudioElement>('original-player').currentTime).toBe(50);
    expect(wave.querySelector('.playhead')!.getAttribute('x1')).toBe('250');
  });

  it("shows the master's waveform while the master plays and the mix's while the original plays, on one scale", () => {
    const quietMix: [number, number][] = [[-0.2, 0.2], [-0.25, 0.25], [-0.2, 0.2]];
    const loudMaster: [number, number][] = [[-0.9, 0.9], [-0.95, 0.95], [-0.9, 0.9]];
    fixture.componentRef.setInput('waveform', quietMix);
    fixture.componentRef.setInput('masterWaveform', loudMaster);
    fixture.detectChanges();
    const wave = () => q<SVGElement>('waveform');
    const height = () => {
      const ys = wave().querySelector('path')!.getAttribute('d')!.match(/,(-?[\d.]+)/g)!.map((m) => Number(m.slice(1)));
      return Math.max(...ys) - Math.min(...ys);
    };
    expect(wave().getAttribute('data-wave')).toBe('master');
    const masterHeight = height();

    q<HTMLButtonElement>('ab-original').click();
    fixture.detectChanges();
    expect(wave().getAttribute('data-wave')).toBe('mix');
    expect(height()).toBeLessThan(masterHeight / 3);
  });
});
