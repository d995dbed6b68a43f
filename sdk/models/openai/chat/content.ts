import { JSON } from "json-as";
import * as base64 from "../../../assembly/internal/base64";

/** One part of a message's content. */
@json
export abstract class ContentPart {
  constructor(type: string) {
    this._type = type;
  }

  /** "text", "image_url", "input_audio" or "refusal". */
  get type(): string {
    return this._type;
  }

  @alias("type")
  private _type: string;
}

/** A text part. @example new TextContentPart("Describe this image.") */
@json
export class TextContentPart extends ContentPart {
  constructor(text: string) {
    super("text");
    this.text = text;
  }

  text: string;
}

/** An image part (the model must accept images). @example new ImageContentPart(Image.fromURL(url, "low")) */
@json
export class ImageContentPart extends ContentPart {
  constructor(image: Image) {
    super("image_url");
    this.image = image;
  }

  @alias("image_url")
  image: Image;
}

/** An audio part (the model must accept audio). @example new AudioContentPart(Audio.fromData(bytes, "wav")) */
@json
export class AudioContentPart extends ContentPart {
  constructor(audio: Audio) {
    super("input_audio");
    this.audio = audio;
  }

  @alias("input_audio")
  audio: Audio;
}

/** A refusal the model gave earlier, replayed in an assistant message. */
@json
export class RefusalContentPart extends ContentPart {
  constructor(refusal: string) {
    super("refusal");
    this.refusal = refusal;
  }

  refusal: string;
}

/** An image, by URL or inline as a data URL. */
@json
export class Image {
  private constructor(url: string, detail: string | null) {
    this.url = url;
    this.detail = detail;
  }

  url: string;

  /** "low", "high" or "auto" (the provider's default). */
  @omitnull()
  detail: string | null = null;

  /**
   * An inline image from bytes (`Uint8Array`) or base64 text, with its MIME
   * type ("image/png", or just "png").
   *
   * @example Image.fromData(bytes, "image/jpeg", "high")
   */
  static fromData<T>(data: T, contentType: string, detail: string | null = null): Image {
    const mime = contentType.startsWith("image/") ? contentType : "image/" + contentType;
    return new Image(`data:${mime};base64,${toBase64(data, "image")}`, detail);
  }

  /** An image the provider fetches itself. @example Image.fromURL("https://example.com/cat.png") */
  static fromURL(url: string, detail: string | null = null): Image {
    return new Image(url, detail);
  }
}

/** Inline audio for a user message. */
@json
export class Audio {
  private constructor(data: Uint8Array, format: string) {
    this._data = base64.encode(data);
    this.format = format;
  }

  /** The raw audio bytes. */
  get data(): Uint8Array {
    return base64.decode(this._data);
  }
  set data(value: Uint8Array) {
    this._data = base64.encode(value);
  }

  @alias("data")
  private _data: string;

  /** "wav", "mp3", ... (the format name, not a MIME type). */
  format: string;

  /**
   * Audio from bytes (`Uint8Array`) or base64 text; an "audio/" prefix on the format is dropped.
   *
   * @example Audio.fromData(bytes, "audio/wav")
   */
  static fromData<T>(data: T, format: string): Audio {
    const name = format.startsWith("audio/") ? format.substring(6) : format;
    if (isString<T>()) return new Audio(base64.decode(changetype<string>(data)), name);
    return new Audio(toBytes(data, "audio"), name);
  }
}

function toBase64<T>(data: T, what: string): string {
  if (isString<T>()) return changetype<string>(data);
  return base64.encode(toBytes(data, what));
}

function toBytes<T>(data: T, what: string): Uint8Array {
  if (isReference<T>() && !isString<T>()) {
    if (idof<T>() == idof<Uint8Array>()) return changetype<Uint8Array>(data);
  }
  throw new Error(`Invalid ${what} data type. Data must be a Uint8Array or a base64-encoded string.`);
}
