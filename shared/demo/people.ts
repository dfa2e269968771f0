/**
 * Fictional applicants for the demo region: names, phones, e-mails and home addresses drawn from
 * the seed. They look real (a test can search the wall for them and must not find them) but are
 * generated, never taken from real people.
 */
import type { PersonalData } from '../domain/appeal';
import type { Rng } from './prng';
import { STREETS } from './catalog';

const MALE_NAMES = ['Александр', 'Сергей', 'Андрей', 'Дмитрий', 'Алексей', 'Николай', 'Владимир', 'Иван', 'Михаил', 'Евгений', 'Павел', 'Виктор', 'Олег', 'Юрий', 'Артём', 'Максим', 'Игорь', 'Роман', 'Василий', 'Анатолий'];
const FEMALE_NAMES = ['Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Светлана', 'Анна', 'Мария', 'Екатерина', 'Людмила', 'Галина', 'Юлия', 'Надежда', 'Марина', 'Валентина', 'Любовь', 'Нина', 'Анастасия', 'Вера', 'Оксана'];
/** Fathers' names with the male and female patronymic. */
const PATRONYMICS: ReadonlyArray<readonly [string, string]> = [
  ['Александрович', 'Александровна'], ['Сергеевич', 'Сергеевна'], ['Николаевич', 'Николаевна'], ['Владимирович', 'Владимировна'],
  ['Иванович', 'Ивановна'], ['Михайлович', 'Михайловна'], ['Викторович', 'Викторовна'], ['Юрьевич', 'Юрьевна'],
  ['Анатольевич', 'Анатольевна'], ['Васильевич', 'Васильевна'], ['Петрович', 'Петровна'], ['Геннадьевич', 'Геннадьевна'],
  ['Алексеевич', 'Алексеевна'], ['Андреевич', 'Андреевна'], ['Борисович', 'Борисовна'], ['Валерьевич', 'Валерьевна'],
];
/** Surnames in the male form; the female form is derived. Common in the Volga–Vyatka area. */
const SURNAMES = [
  'Шихов', 'Зыков', 'Кощеев', 'Бушмакин', 'Вылегжанин', 'Мышкин', 'Поздеев', 'Сунцов', 'Чарушин', 'Шубин',
  'Ившин', 'Колупаев', 'Мальцев', 'Носков', 'Огородников', 'Перминов', 'Рылов', 'Тетерин', 'Утробин', 'Хлебников',
  'Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров',
  'Морозов', 'Волков', 'Лебедев', 'Козлов', 'Степанов', 'Николаев', 'Орлов', 'Андреев', 'Макаров', 'Зайцев',
  'Бельтюков', 'Гагаринов', 'Долгушин', 'Ефремов', 'Жуйков', 'Заболотских', 'Крестьянинов', 'Лаптев', 'Машковцев', 'Обухов',
  'Двоеглазов', 'Дряхлов', 'Пономарёв', 'Рычков', 'Сметанин', 'Тукмачёв', 'Харин', 'Целищев', 'Черных', 'Ярославцев',
];
const MAIL_DOMAINS = ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru', 'list.ru', 'inbox.ru', 'rambler.ru'];

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

const translitCache = new Map<string, string>();

/** Latin spelling for e-mail addresses; names come from small lists, so results are cached. */
export function translit(text: string): string {
  let out = translitCache.get(text);
  if (out === undefined) {
    out = '';
    for (const ch of text.toLowerCase()) out += TRANSLIT[ch] ?? ch;
    translitCache.set(text, out);
  }
  return out;
}

function femaleSurname(surname: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(surname)) return `${surname}а`;
  if (surname.endsWith('ий')) return `${surname.slice(0, -2)}ая`;
  // -их, -ых and others do not change.
  return surname;
}

export interface DemoPerson {
  surname: string;
  firstName: string;
  patronymic: string;
  fullName: string;
  phone: string;
  email: string;
}

export function generatePerson(rng: Rng): DemoPerson {
  const female = rng.chance(0.58);
  const male = rng.pick(SURNAMES);
  const surname = female ? femaleSurname(male) : male;
  const firstName = rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
  const pair = rng.pick(PATRONYMICS);
  const patronymic = female ? pair[1] : pair[0];
  // Mobile numbers of Russian operators: +7 9XX XXX-XX-XX.
  const phone = `+7 9${rng.between(0, 9)}${rng.between(0, 9)} ${rng.between(100, 999)}-${rng.between(10, 99)}-${rng.between(10, 99)}`;
  const style = rng.int(3);
  const base =
    style === 0
      ? `${translit(surname)}.${translit(firstName.charAt(0))}`
      : style === 1
        ? `${translit(firstName)}.${translit(surname)}`
        : `${translit(surname)}${rng.between(60, 2005)}`;
  const email = `${base}@${rng.pick(MAIL_DOMAINS)}`;
  return { surname, firstName, patronymic, fullName: `${surname} ${firstName} ${patronymic}`, phone, email };
}

/** A street address in a settlement: `ул. Мира, д. 12, кв. 5`. */
export function generateAddress(rng: Rng, withFlat: boolean): string {
  const house = `${rng.pick(STREETS)}, д. ${rng.between(1, 120)}`;
  return withFlat && rng.chance(0.7) ? `${house}, кв. ${rng.between(1, 180)}` : house;
}

/**
 * Personal data block of an appeal. The applicant key stays null: demo repeats are flagged by the
 * source itself (as ПОС «Повторное рассмотрение»), and hashing every applicant would cost a sixth
 * of the generation time.
 */
export function personalData(person: DemoPerson, homeAddress: string | null, channels: { phone: boolean; email: boolean }): PersonalData {
  return {
    fullName: person.fullName,
    phone: channels.phone ? person.phone : null,
    email: channels.email ? person.email : null,
    address: homeAddress,
    applicantKey: null,
  };
}
