// A GraphQL-client app written the way Modus's graphql example is (the same SDK calls).
import { graphql } from "@hypermode/modus-sdk-as";

@json
class Country {
  code: string = "";
  name: string = "";
  capital: string | null = null;
}

@json
class CountriesResponse {
  countries: Country[] = [];
}

@json
class CountryResponse {
  country: Country | null = null;
}

export function countries(connection: string = "countries-api"): Country[] | null {
  const statement = `
    query {
      countries { code name capital }
    }`;
  const response = graphql.execute<CountriesResponse>(connection, statement);
  if (!response.data) return [];
  return response.data!.countries;
}

export function getCountryByCode(code: string): Country | null {
  const statement = `
    query ($code: ID!) {
      country(code: $code) { code name capital }
    }`;
  const vars = new graphql.Variables();
  vars.set("code", code);
  const response = graphql.execute<CountryResponse>("countries-api", statement, vars);
  if (!response.data) return null;
  return response.data!.country;
}

/** A query the API rejects: its errors come back to the caller. */
export function badField(): Country[] | null {
  const response = graphql.execute<CountriesResponse>("countries-api", "query { countries { nope } }");
  return response.data ? response.data!.countries : null;
}
