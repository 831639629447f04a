/** Row types of the meeting tables (migration 0011), for the meeting store (meetingStore.ts). */
export type MeetingTables = {
  meetings: {
    id: string;
    case_id: string;
    date: string;
    time: string;
    duration_minutes: number;
    place: string;
    video_link: string;
    status: string;
    chair_id: string;
    created_at: string;
    started_at: string | null;
    ended_at: string | null;
    current_item_id: string | null;
    current_since: string | null;
    decision: string | null;
    minutes: string | null;
  };
  meeting_items: {
    meeting_id: string;
    id: string;
    position: number;
    kind: string;
    title: string;
    section_id: string | null;
    minutes: number;
    points: string;
    scores: string;
    note: string;
    spent_seconds: number;
  };
  meeting_invitees: {
    meeting_id: string;
    user_id: string;
    name: string;
    role: string;
    email: string;
    mailed: number;
    presence: string | null;
    presence_by: string | null;
    presence_at: string | null;
  };
};
