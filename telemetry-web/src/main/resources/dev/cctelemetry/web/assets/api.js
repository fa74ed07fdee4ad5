// Fetches the JSON API with the page's current filter (the URL's query string is the filter).

export class ApiError extends Error {}

/** GET a JSON document; extra params are added to the page's own query string. */
export async function getJson(path, extra = {}) {
  const response = await fetch(apiUrl(path, extra), {headers: {Accept: 'application/json'}});
  if (!response.ok) {
    const text = (await response.text()).trim();
    throw new ApiError(text.length > 0 && text.length < 300 ? text : `${response.status} ${response.statusText}`);
  }
  return response.json();
}

/** The API URL for path with the current filter and extra params; format=csv makes it a download link. */
export function apiUrl(path, extra = {}) {
  const params = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined || value === null || value === '') params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
